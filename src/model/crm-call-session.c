/* crm-call-session.c
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

#define G_LOG_DOMAIN "crm-call-session"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-call-session.h"
#include "crm-deal.h"
#include "crm-store-private.h"
#include "crm-strings.h"
#include "crm-user.h"

/**
 * CrmCallSession:
 *
 * The call a rep is making with the call-script panel: the situation
 * check (TW-2), the script's stages in order with their mandatory
 * questions (TW-3), the answers saved into the deal's fields as they are
 * given, the price rule (CON-4), and at the end the record that
 * crm_store_log_call() writes (TW-4). The model decides; the panel shows.
 * Time comes from the store's clock, so a test walks a call in no time.
 */
struct _CrmCallSession
{
  GObject              parent_instance;

  /* Owned references */
  CrmStore            *store;
  /* The procedure the call started with: a manager saving the scripts
   * meanwhile does not pull the script from under a running call. */
  CrmProcedure        *procedure;
  GDateTime           *started_at;
  GDateTime           *ended_at;
  GHashTable          *answers;      /* question key → value as stored */
  GHashTable          *given;        /* keys of the questions answered on this call */
  GHashTable          *checked;      /* checklist item keys */

  const CrmCallScript *script;       /* owned by the procedure; nullable */
  gint64               deal_id;
  int                  stage_index;  /* -1 during the situation check */
  int                  furthest;     /* the last stage reached, -1 for none */
  gint64               move_to_stage_id; /* 0: the deal stays where it is */

  guint                situation_answered : 1;
  guint                can_talk : 1;
  guint                first_conversation : 1;
  guint                price_demanded : 1;
  guint                finished : 1;
};

G_DEFINE_FINAL_TYPE (CrmCallSession, crm_call_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-call-error-quark, crm_call_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_SCRIPT_KEY,
  PROP_STAGE_INDEX,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint
n_stages (CrmCallSession *self)
{
  return self->script != NULL ? self->script->stages->len : 0;
}

static const CrmScriptStage *
stage_at (CrmCallSession *self,
          int             index)
{
  if (index < 0 || (guint)index >= n_stages (self))
    return NULL;

  return g_ptr_array_index (self->script->stages, index);
}

static const CrmScriptQuestion *
find_question (CrmCallSession *self,
               const char     *key)
{
  for (guint s = 0; s < n_stages (self); s++)
    {
      const CrmScriptStage *stage = stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (g_str_equal (question->key, key))
            return question;
        }
    }

  return NULL;
}

static void
set_stage_index (CrmCallSession *self,
                 int             index)
{
  if (self->stage_index == index)
    return;

  self->stage_index = index;
  self->furthest = MAX (self->furthest, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_INDEX]);
}

/* A question whose field already has a value counts as answered: the rep
 * does not ask again what the deal card already says. */
static void
load_answers (CrmCallSession *self)
{
  g_hash_table_remove_all (self->answers);

  for (guint s = 0; s < n_stages (self); s++)
    {
      const CrmScriptStage *stage = stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);
          char *value;

          if (question->field == NULL)
            continue;

          value = crm_store_dup_field_value (self->store, self->deal_id, question->field);
          if (value != NULL)
            g_hash_table_insert (self->answers, g_strdup (question->key), value);
        }
    }
}

/* The script a call follows: the one asked for, or the one the procedure
 * picks for the deal's source; none for a procedure without scripts, and
 * the call is then only timed and logged. */
static gboolean
choose_script (CrmCallSession  *self,
               const char      *key,
               GError         **error)
{
  const CrmCallScript *script = NULL;

  if (key != NULL)
    {
      script = self->procedure ? crm_procedure_find_call_script (self->procedure, key) : NULL;
      if (script == NULL)
        {
          g_set_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT,
                       _("The procedure has no call script “%s”."), key);
          return FALSE;
        }
    }
  else if (self->procedure != NULL)
    {
      g_autofree char *source = crm_store_dup_field_value (self->store, self->deal_id, "source");

      script = crm_procedure_pick_call_script (self->procedure, source);
    }

  self->script = script;
  self->stage_index = -1;
  self->furthest = -1;
  /* TW-2 first, when the procedure asks it; else straight to the script. */
  if (!crm_call_session_needs_situation_check (self) && n_stages (self) > 0)
    set_stage_index (self, 0);

  load_answers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCRIPT_KEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_INDEX]);
  return TRUE;
}

static gboolean
check_not_finished (CrmCallSession  *self,
                    GError         **error)
{
  if (!self->finished)
    return TRUE;

  g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_FINISHED, _("This call has ended."));
  return FALSE;
}

/* How an answer reads in a note or a summary: a choice by its name, a
 * boolean as yes or no, the source by its name. */
static char *
dup_display_value (CrmCallSession          *self,
                   const CrmScriptQuestion *question,
                   const char              *value)
{
  const CrmProcedureField *field = NULL;

  if (question->field != NULL && self->procedure != NULL)
    field = crm_procedure_find_field (self->procedure, question->field);

  if (field != NULL && field->type == CRM_FIELD_BOOLEAN)
    /* Translators: the answer to a yes-or-no question of a call script */
    return g_strdup (g_str_equal (value, "true") ? C_("answer", "yes") : C_("answer", "no"));

  for (guint i = 0; field != NULL && field->choices != NULL && i < field->choices->len; i++)
    {
      const CrmProcedureChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_str_equal (choice->key, value))
        return g_strdup (crm_text_get (&choice->name));
    }

  for (guint i = 0; field == NULL && g_strcmp0 (question->field, "source") == 0 &&
                    i < crm_procedure_get_n_sources (self->procedure); i++)
    {
      const CrmProcedureChoice *source = crm_procedure_get_source (self->procedure, i);

      if (g_str_equal (source->key, value))
        return g_strdup (crm_text_get (&source->name));
    }

  return g_strdup (value);
}

/* A question's text as the head of a "question: answer" line. */
static char *
dup_question_label (const CrmScriptQuestion *question)
{
  g_autofree char *text = g_strdup (crm_text_get (&question->text));

  g_strstrip (text);
  while (g_str_has_suffix (text, "?") || g_str_has_suffix (text, ":"))
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
    }

  return g_steal_pointer (&text);
}

/* Calls @func for each answered question of the stages the call reached,
 * in the script's order. */
typedef void (*AnswerFunc) (CrmCallSession          *self,
                            const CrmScriptQuestion *question,
                            const char              *value,
                            gpointer                 data);

static void
foreach_answer (CrmCallSession *self,
                AnswerFunc      func,
                gpointer        data)
{
  for (int s = 0; s <= self->furthest; s++)
    {
      const CrmScriptStage *stage = stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);
          const char *value = g_hash_table_lookup (self->answers, question->key);

          if (value != NULL)
            func (self, question, value, data);
        }
    }
}

static void
add_note_answer (CrmCallSession          *self,
                 const CrmScriptQuestion *question,
                 const char              *value,
                 gpointer                 data)
{
  GPtrArray *lines = data;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;

  /* The note is what this call found out; what the deal card already
   * said goes to the summary's lead details only. */
  if (!g_hash_table_contains (self->given, question->key))
    return;

  shown = dup_display_value (self, question, value);
  /* A field's name reads better in a note than the question asked. */
  label = question->field ? crm_store_dup_field_label (self->store, question->field)
                          : dup_question_label (question);

  /* Translators: a field or question and its answer: "Agreements module: yes" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label, shown));
}

static void
add_summary_answer (CrmCallSession          *self,
                    const CrmScriptQuestion *question,
                    const char              *value,
                    gpointer                 data)
{
  GPtrArray *lines = data;
  g_autofree char *label = dup_question_label (question);
  g_autofree char *shown = dup_display_value (self, question, value);

  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label, shown));
}

static char *
dup_summary_answers (CrmCallSession *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  foreach_answer (self, add_summary_answer, lines);
  g_ptr_array_add (lines, NULL);

  return lines->len > 1 ? g_strjoinv ("\n", (char **)lines->pdata) : NULL;
}

static char *
dup_checked_items (CrmCallSession *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (int s = 0; s <= self->furthest; s++)
    {
      const CrmScriptStage *stage = stage_at (self, s);

      for (guint i = 0; i < stage->checklist->len; i++)
        {
          const CrmScriptItem *item = g_ptr_array_index (stage->checklist, i);

          if (g_hash_table_contains (self->checked, item->key))
            g_ptr_array_add (texts, (gpointer)crm_text_get (&item->text));
        }
    }

  g_ptr_array_add (texts, NULL);
  return texts->len > 1 ? g_strjoinv (", ", (char **)texts->pdata) : NULL;
}

static gboolean
reached_price_rule (CrmCallSession *self)
{
  for (int s = 0; s <= self->furthest; s++)
    if (stage_at (self, s)->guards & CRM_SCRIPT_GUARD_PRICE_RULE)
      return TRUE;

  return FALSE;
}

/* CON-4: what the rep said about the price. */
static char *
dup_price_line (CrmCallSession *self)
{
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *floor_text = NULL;
  gint64 floor = 0;

  if (!self->price_demanded)
    return self->first_conversation && reached_price_rule (self)
           ? g_strdup (_("No price was named in this first conversation."))
           : NULL;

  deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  if (deal == NULL || !crm_store_get_price_floor (self->store, crm_deal_get_currency (deal), &floor))
    return g_strdup (_("The customer asked for the price; the lower bound was given."));

  floor_text = crm_format_amount (floor, crm_deal_get_currency (deal));
  /* Translators: the lower bound of the price list, e.g. "₪1,200" */
  return g_strdup_printf (_("The customer asked for the price; the lower bound, %s, was given."),
                          floor_text);
}

static void
crm_call_session_constructed (GObject *object)
{
  CrmCallSession *self = (CrmCallSession *)object;
  CrmProcedure *procedure = crm_store_get_procedure (self->store);

  G_OBJECT_CLASS (crm_call_session_parent_class)->constructed (object);

  self->procedure = procedure ? g_object_ref (procedure) : NULL;
  self->started_at = crm_store_now (self->store);
  self->first_conversation = !crm_store_deal_had_conversation (self->store, self->deal_id);
}

static void
crm_call_session_dispose (GObject *object)
{
  CrmCallSession *self = (CrmCallSession *)object;

  self->script = NULL;
  g_clear_object (&self->procedure);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_call_session_parent_class)->dispose (object);
}

static void
crm_call_session_finalize (GObject *object)
{
  CrmCallSession *self = (CrmCallSession *)object;

  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->given, g_hash_table_unref);
  g_clear_pointer (&self->checked, g_hash_table_unref);

  G_OBJECT_CLASS (crm_call_session_parent_class)->finalize (object);
}

static void
crm_call_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmCallSession *self = CRM_CALL_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_SCRIPT_KEY:
      g_value_set_string (value, self->script ? self->script->key : NULL);
      break;

    case PROP_STAGE_INDEX:
      g_value_set_int (value, self->stage_index);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmCallSession *self = CRM_CALL_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_session_class_init (CrmCallSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_call_session_constructed;
  object_class->dispose = crm_call_session_dispose;
  object_class->finalize = crm_call_session_finalize;
  object_class->get_property = crm_call_session_get_property;
  object_class->set_property = crm_call_session_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallSession:script-key:
   *
   * The key of the call script followed, or %NULL for a call without one.
   */
  properties [PROP_SCRIPT_KEY] =
    g_param_spec_string ("script-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallSession:stage-index:
   *
   * The stage of the script the call is at; -1 before the first stage,
   * during the situation check (TW-2).
   */
  properties [PROP_STAGE_INDEX] =
    g_param_spec_int ("stage-index", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallSession:finished:
   *
   * Whether the call has been logged.
   */
  properties [PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_call_session_init (CrmCallSession *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stage_index = -1;
  self->furthest = -1;
}

/**
 * crm_call_session_new:
 * @store: a #CrmStore
 * @deal_id: the deal called about
 * @script_key: (nullable): the script to follow, or %NULL for the one the
 *   procedure picks by the deal's source
 * @error: return location for a #GError
 *
 * Starts a call now, by the store's clock.
 *
 * Returns: (transfer full) (nullable): the call, or %NULL when the deal
 *   does not exist (%CRM_STORE_ERROR_NOT_FOUND) or the procedure has no
 *   such script (%CRM_CALL_ERROR_NO_SCRIPT)
 */
CrmCallSession *
crm_call_session_new (CrmStore    *store,
                      gint64       deal_id,
                      const char  *script_key,
                      GError     **error)
{
  g_autoptr(CrmCallSession) self = NULL;
  g_autoptr(CrmDeal) deal = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  deal = crm_store_load_deal (store, deal_id, error);
  if (deal == NULL)
    return NULL;

  self = g_object_new (CRM_TYPE_CALL_SESSION,
                       "store", store,
                       "deal-id", deal_id,
                       NULL);

  if (!choose_script (self, script_key, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_call_session_get_store:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none): the store
 */
CrmStore *
crm_call_session_get_store (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return self->store;
}

gint64
crm_call_session_get_deal_id (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  return self->deal_id;
}

/**
 * crm_call_session_get_script:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none) (nullable): the script followed, or %NULL for a
 *   procedure without scripts: a plain call, timed and logged
 */
const CrmCallScript *
crm_call_session_get_script (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return self->script;
}

/**
 * crm_call_session_set_script:
 * @self: a #CrmCallSession
 * @key: (nullable): a script of the procedure, or %NULL for the one picked
 *   by the deal's source
 * @error: return location for a #GError
 *
 * The rep may follow another script before the first stage is left; the
 * call then starts that script from its beginning.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_call_session_set_script (CrmCallSession  *self,
                             const char      *key,
                             GError         **error)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  if (!check_not_finished (self, error))
    return FALSE;

  if (self->furthest > 0)
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER,
                           _("The script can only be changed before the first stage is over."));
      return FALSE;
    }

  return choose_script (self, key, error);
}

/**
 * crm_call_session_get_started_at:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none): when the call started, by the store's clock
 */
GDateTime *
crm_call_session_get_started_at (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return self->started_at;
}

/**
 * crm_call_session_get_elapsed:
 * @self: a #CrmCallSession
 *
 * Returns: the seconds since the call started, by the store's clock; an
 *   ended call keeps its length
 */
guint
crm_call_session_get_elapsed (CrmCallSession *self)
{
  g_autoptr(GDateTime) end = NULL;
  GTimeSpan span;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  end = self->ended_at ? g_date_time_ref (self->ended_at) : crm_store_now (self->store);
  span = g_date_time_difference (end, self->started_at);

  return span > 0 ? (guint)(span / G_TIME_SPAN_SECOND) : 0;
}

/**
 * crm_call_session_needs_situation_check:
 * @self: a #CrmCallSession
 *
 * TW-2: whether the rep must first ask if the customer can talk now.
 *
 * Returns: %TRUE when the procedure has a situation check not yet answered
 */
gboolean
crm_call_session_needs_situation_check (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return self->procedure != NULL &&
         crm_procedure_get_situation_check (self->procedure) != NULL &&
         !self->situation_answered;
}

/**
 * crm_call_session_set_situation:
 * @self: a #CrmCallSession
 * @can_talk: the customer's answer to the situation check
 *
 * TW-2: a customer who can talk goes on to the script's first stage; one
 * who cannot is called back: the call should end as
 * %CRM_CALL_CALL_BACK with the time agreed.
 */
void
crm_call_session_set_situation (CrmCallSession *self,
                                gboolean        can_talk)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));

  if (self->finished)
    return;

  self->situation_answered = TRUE;
  self->can_talk = !!can_talk;

  if (can_talk && self->stage_index < 0 && n_stages (self) > 0)
    set_stage_index (self, 0);
}

int
crm_call_session_get_stage_index (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), -1);

  return self->stage_index;
}

/**
 * crm_call_session_get_stage:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none) (nullable): the current stage, or %NULL before
 *   the first
 */
const CrmScriptStage *
crm_call_session_get_stage (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return stage_at (self, self->stage_index);
}

static gboolean
check_can_advance (CrmCallSession  *self,
                   GError         **error)
{
  if (!check_not_finished (self, error))
    return FALSE;

  if (self->script == NULL)
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT,
                           _("This call has no script to follow."));
      return FALSE;
    }

  if (self->stage_index < 0)
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER,
                           self->situation_answered
                           ? _("The customer cannot talk now: end the call and agree when to call back.")
                           : _("Ask first whether the customer can talk now."));
      return FALSE;
    }

  return TRUE;
}

static void
set_unanswered_error (GPtrArray  *unanswered,
                      GError    **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *list = NULL;
  const char *format;

  for (guint i = 0; i < unanswered->len; i++)
    {
      const CrmScriptQuestion *question = g_ptr_array_index (unanswered, i);

      g_ptr_array_add (texts, (gpointer)crm_text_get (&question->text));
    }
  g_ptr_array_add (texts, NULL);
  list = g_strjoinv (" ", (char **)texts->pdata);

  /* Translators: then the texts of the mandatory questions not yet
   * answered, e.g. "Do you need the agreements module?" */
  format = g_dngettext (GETTEXT_PACKAGE, "Ask this first: %s", "Ask these first: %s", unanswered->len);
  g_set_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED, format, list);
}

/**
 * crm_call_session_advance:
 * @self: a #CrmCallSession
 * @error: return location for a #GError
 *
 * TW-3: goes on to the next stage, only when every mandatory question of
 * this stage and the ones before is answered (never skip the discovery,
 * even when the customer asks for the price early); otherwise
 * %CRM_CALL_ERROR_UNANSWERED lists them. Past the last stage, and before
 * the situation check (TW-2), %CRM_CALL_ERROR_ORDER.
 *
 * Returns: %TRUE when the call moved on
 */
gboolean
crm_call_session_advance (CrmCallSession  *self,
                          GError         **error)
{
  g_autoptr(GPtrArray) unanswered = NULL;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  if (!check_can_advance (self, error))
    return FALSE;

  unanswered = crm_call_session_list_unanswered (self, self->stage_index);
  if (unanswered->len > 0)
    {
      set_unanswered_error (unanswered, error);
      return FALSE;
    }

  if ((guint)self->stage_index + 1 >= n_stages (self))
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER,
                           _("This is the last stage of the call."));
      return FALSE;
    }

  set_stage_index (self, self->stage_index + 1);
  return TRUE;
}

/**
 * crm_call_session_go_back:
 * @self: a #CrmCallSession
 *
 * Returns: %TRUE when the call went back a stage; %FALSE at the first
 */
gboolean
crm_call_session_go_back (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  if (self->finished || self->stage_index <= 0)
    return FALSE;

  set_stage_index (self, self->stage_index - 1);
  return TRUE;
}

/**
 * crm_call_session_list_unanswered:
 * @self: a #CrmCallSession
 * @up_to_stage: the last stage to look at
 *
 * Returns: (transfer container) (element-type CrmScriptQuestion): the
 *   mandatory questions of the stages up to @up_to_stage without an
 *   answer, in the script's order
 */
GPtrArray *
crm_call_session_list_unanswered (CrmCallSession *self,
                                  int             up_to_stage)
{
  GPtrArray *unanswered = g_ptr_array_new ();

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), unanswered);

  for (int s = 0; s <= up_to_stage && (guint)s < n_stages (self); s++)
    {
      const CrmScriptStage *stage = stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (question->mandatory && !g_hash_table_contains (self->answers, question->key))
            g_ptr_array_add (unanswered, (gpointer)question);
        }
    }

  return unanswered;
}

/* Every question of the script that feeds @field shows what it now holds. */
static void
refresh_field_answers (CrmCallSession *self,
                       const char     *field)
{
  g_autofree char *value = crm_store_dup_field_value (self->store, self->deal_id, field);

  for (guint s = 0; s < n_stages (self); s++)
    {
      const CrmScriptStage *stage = stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (g_strcmp0 (question->field, field) != 0)
            continue;

          if (value != NULL)
            g_hash_table_insert (self->answers, g_strdup (question->key), g_strdup (value));
          else
            g_hash_table_remove (self->answers, question->key);
        }
    }
}

/**
 * crm_call_session_answer:
 * @self: a #CrmCallSession
 * @question_key: a question of the call's script
 * @value: (nullable): the answer; empty takes it back. For a choice field
 *   the choice's key, for a boolean "true" or "false"
 * @error: return location for a #GError
 *
 * Records an answer. A question with a field saves it there at once
 * through crm_store_set_field_value(), checked like the deal card checks
 * it; a value the field refuses leaves the answer unrecorded and the deal
 * as it was. The answer kept is the field's value as stored (a phone in
 * E.164).
 *
 * Returns: %TRUE on success
 */
gboolean
crm_call_session_answer (CrmCallSession  *self,
                         const char      *question_key,
                         const char      *value,
                         GError         **error)
{
  const CrmScriptQuestion *question;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);
  g_return_val_if_fail (question_key != NULL, FALSE);

  if (!check_not_finished (self, error))
    return FALSE;

  question = find_question (self, question_key);
  if (question == NULL)
    {
      g_set_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_QUESTION,
                   _("The call script has no question “%s”."), question_key);
      return FALSE;
    }

  if (question->field != NULL)
    {
      if (!crm_store_set_field_value (self->store, self->deal_id, question->field, value, error))
        return FALSE;

      refresh_field_answers (self, question->field);
    }
  else if (crm_str_is_blank (value))
    g_hash_table_remove (self->answers, question->key);
  else
    g_hash_table_insert (self->answers, g_strdup (question->key), g_strstrip (g_strdup (value)));

  g_hash_table_add (self->given, g_strdup (question->key));
  return TRUE;
}

/**
 * crm_call_session_get_answer:
 * @self: a #CrmCallSession
 * @question_key: a question of the call's script
 *
 * Returns: (transfer none) (nullable): the answer as stored, or %NULL
 */
const char *
crm_call_session_get_answer (CrmCallSession *self,
                             const char     *question_key)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);
  g_return_val_if_fail (question_key != NULL, NULL);

  return g_hash_table_lookup (self->answers, question_key);
}

void
crm_call_session_set_checked (CrmCallSession *self,
                              const char     *item_key,
                              gboolean        checked)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));
  g_return_if_fail (item_key != NULL);

  if (checked)
    g_hash_table_add (self->checked, g_strdup (item_key));
  else
    g_hash_table_remove (self->checked, item_key);
}

gboolean
crm_call_session_get_checked (CrmCallSession *self,
                              const char     *item_key)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);
  g_return_val_if_fail (item_key != NULL, FALSE);

  return g_hash_table_contains (self->checked, item_key);
}

/**
 * crm_call_session_is_first_conversation:
 * @self: a #CrmCallSession
 *
 * CON-4: on a first conversation no price is named unless the customer
 * demands it, and then only the lower bound.
 *
 * Returns: %TRUE when no call on the deal reached the customer and no
 *   meeting took place before this call
 */
gboolean
crm_call_session_is_first_conversation (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return self->first_conversation;
}

/**
 * crm_call_session_set_price_demanded:
 * @self: a #CrmCallSession
 * @demanded: whether the customer demanded the price
 *
 * CON-4: the rep gave the lower bound because the customer demanded a
 * price; the call's note says so.
 */
void
crm_call_session_set_price_demanded (CrmCallSession *self,
                                     gboolean        demanded)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));

  self->price_demanded = !!demanded;
}

gboolean
crm_call_session_get_price_demanded (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return self->price_demanded;
}

/**
 * crm_call_session_set_move_to_stage:
 * @self: a #CrmCallSession
 * @stage_id: the stage of the deal's pipeline the call moves it into, or 0
 *
 * What the call achieved, on the board: a reached call that found out the
 * customer's needs can move the deal on as it is logged, through the stage's
 * rules (required fields, tasks, emails) like any other move, in the same
 * transaction as the call.
 */
void
crm_call_session_set_move_to_stage (CrmCallSession *self,
                                    gint64          stage_id)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));

  self->move_to_stage_id = MAX (stage_id, 0);
}

gint64
crm_call_session_get_move_to_stage (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  return self->move_to_stage_id;
}

static char *
dup_source_name (CrmCallSession *self)
{
  g_autofree char *key = crm_store_dup_field_value (self->store, self->deal_id, "source");

  for (guint i = 0; key != NULL && i < crm_procedure_get_n_sources (self->procedure); i++)
    {
      const CrmProcedureChoice *source = crm_procedure_get_source (self->procedure, i);

      if (g_str_equal (source->key, key))
        return g_strdup (crm_text_get (&source->name));
    }

  return NULL;
}

/**
 * crm_call_session_dup_opening:
 * @self: a #CrmCallSession
 *
 * AXL-7: the script's opening line in the user's language, filled in:
 * {rep} with the current user's name, {company} with the organisation's
 * name of the settings, {contact} with the deal's contact, {source} with
 * the name of the deal's source. What nobody has told the store yet reads
 * "…", for the rep to say in their own words.
 *
 * Returns: (transfer full) (nullable): the opening, or %NULL when the
 *   script has none
 */
char *
crm_call_session_dup_opening (CrmCallSession *self)
{
  g_autoptr(GHashTable) values = NULL;
  CrmUser *me;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  if (self->script == NULL || self->script->opening.en == NULL)
    return NULL;

  me = crm_store_get_current_user (self->store);
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (values, "rep", g_strdup (me ? crm_user_get_name (me) : NULL));
  g_hash_table_insert (values, "company", crm_store_dup_setting (self->store, "organization-name"));
  g_hash_table_insert (values, "contact",
                       crm_store_dup_field_value (self->store, self->deal_id, "contact.name"));
  g_hash_table_insert (values, "source", dup_source_name (self));

  return _crm_store_expand (crm_text_get (&self->script->opening), values, "…");
}

/**
 * crm_call_session_dup_record_note:
 * @self: a #CrmCallSession
 *
 * The result note the end of the call starts with, for the rep to finish:
 * one readable line each for the situation (TW-2), the answers given on
 * this call, the checklist items ticked and what was said about the price
 * (CON-4), in the user's language.
 *
 * Returns: (transfer full): the note, empty when there is nothing to say
 */
char *
crm_call_session_dup_record_note (CrmCallSession *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *checked = NULL;
  char *price;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  if (self->situation_answered && !self->can_talk)
    g_ptr_array_add (lines, g_strdup (_("The customer could not talk at the moment.")));

  /* The stages are not repeated here: the call keeps them apart
   * (activities.stages) and the timeline names them in the call's title. */
  foreach_answer (self, add_note_answer, lines);

  checked = dup_checked_items (self);
  if (checked != NULL)
    /* Translators: the checklist items the rep ticked off */
    g_ptr_array_add (lines, g_strdup_printf (_("Done: %s"), checked));

  price = dup_price_line (self);
  if (price != NULL)
    g_ptr_array_add (lines, price);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}

/**
 * crm_call_session_dup_visited_stages:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer full): the keys of the stages the call reached, in
 *   order; empty before the first
 */
GStrv
crm_call_session_dup_visited_stages (CrmCallSession *self)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  for (int s = 0; s <= self->furthest; s++)
    g_strv_builder_add (keys, stage_at (self, s)->key);

  return g_strv_builder_end (keys);
}

/**
 * crm_call_session_is_complete:
 * @self: a #CrmCallSession
 *
 * Returns: %TRUE when the call reached the script's last stage
 */
gboolean
crm_call_session_is_complete (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return n_stages (self) > 0 && (guint)self->furthest + 1 == n_stages (self);
}

/**
 * crm_call_session_finish:
 * @self: a #CrmCallSession
 * @outcome: how the call went
 * @note: (nullable): the result note; required for a reached call and a
 *   call-back
 * @next_contact: (nullable): TW-4, when to contact the customer next
 * @close_task_id: 0, or the deal's open task this call completes
 * @error: return location for a #GError
 *
 * Ends the call: crm_store_log_call() writes it with its length by the
 * store's clock, the stages gone through and the answers for the summary
 * (TW-4). A call is logged once; a refused record leaves it running, to
 * be corrected.
 *
 * Returns: the call activity's id, or 0 on error
 */
gint64
crm_call_session_finish (CrmCallSession  *self,
                         CrmCallOutcome   outcome,
                         const char      *note,
                         GDateTime       *next_contact,
                         gint64           close_task_id,
                         GError         **error)
{
  g_auto(GStrv) visited = NULL;
  g_autofree char *answers = NULL;
  CrmCallRecord record = { 0 };
  gint64 id;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  if (!check_not_finished (self, error))
    return 0;

  visited = crm_call_session_dup_visited_stages (self);
  answers = dup_summary_answers (self);

  record.deal_id = self->deal_id;
  record.script_key = self->script ? self->script->key : NULL;
  record.outcome = outcome;
  record.duration = crm_call_session_get_elapsed (self);
  record.stages = visited[0] != NULL ? (const char * const *)visited : NULL;
  record.note = note;
  record.next_contact = next_contact;
  record.close_task_id = close_task_id;
  record.summary_answers = answers;
  record.move_to_stage_id = self->move_to_stage_id;

  id = crm_store_log_call (self->store, &record, error);
  if (id == 0)
    return 0;

  self->ended_at = crm_store_now (self->store);
  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINISHED]);
  return id;
}
